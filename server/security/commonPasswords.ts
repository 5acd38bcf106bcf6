import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords common here that the bundled list (English-language breaches) lacks: pinyin and the
 * number games of Chinese leaked lists (CSDN, 12306, …), and the admin defaults of local systems.
 * Lower case, as looked up.
 */
const LOCAL = [
  'woaini1314', 'woaini520', 'woaini521', 'woaini123', 'woaini', '5201314', '1314520', 'aini1314',
  'iloveyou1314', 'zhang123', 'wang123456', 'li123456', 'liu123456', 'chen123456', 'zhangwei',
  'wangwei', 'qq123456', 'qq5201314', 'taobao123', 'baidu123', 'weixin123', 'zxcvbnm123',
  'a123456789', 'aa123456789', 'abc123456789', 'qwe123456', 'asd123456', 'zxc123456', 'qaz123456',
  '1qaz2wsx3edc', '1qaz@wsx', '1qaz!qaz', 'qaz123wsx', 'zaq12wsx', 'xiaoming', 'dearbook', 'xiazhili',
  'admin123', 'admin@123', 'admin123456', 'admin888', 'root123', 'root@123', 'test123', 'test@123',
  'abcd1234', 'abcd@1234', 'abc@123', 'abc@1234', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'password@123',
  'password123', 'welcome123', 'changeme', 'changeme123', 'huawei123', 'huawei@123', 'sangfor',
  'sangfor123', 'sangfor@123', 'gov123456', 'zhengfu123', 'tuijin123', 'tuijin2026', 'shuangtaizi',
  '147258369', '123456abc', '123456qwe', '123qwe!@#', '1q2w3e4r5t', '1q2w3e4r', 'q1w2e3r4', 'qweasdzxc',
];

let list: Set<string> | undefined;

/** Whether a (lower-case) form is a common or leaked password: the zxcvbn-ts common list (≈49,000, bundled in the package) and LOCAL. */
export function isCommonPassword(form: string): boolean {
  list ??= new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL]);
  return list.has(form);
}
