import type { Message } from './message.js';

/** Refusals of 宣传 articles and briefings. Merged into server/i18n.ts. */
export const PUBLICITY_MESSAGES = {
  article_step_invalid: {
    'zh-CN': '该稿件当前为“{status}”，不能{action}：稿件须按 起草→提交审核→发布 的顺序办理',
    'en-US': 'This article is {status}; it cannot be {action}: articles go draft → review → published',
  },
  article_not_draft: {
    'zh-CN': '该稿件当前为“{status}”，只有草稿可以修改：已退回或撤回的稿件请先转为草稿',
    'en-US': 'This article is {status}: only a draft can be edited',
  },
  article_empty: { 'zh-CN': '稿件正文为空，请先撰写正文再提交审核', 'en-US': 'The article has no text: write its body before submitting it' },
  article_own_approval: { 'zh-CN': '不能审核发布自己撰写的稿件，须由推进办或区领导审核', 'en-US': 'You wrote this article: the HQ office or a leader reviews it' },
  article_image_type: { 'zh-CN': '图片须为 JPEG、PNG 或 WebP 格式（按文件内容判断）', 'en-US': 'An image must be a JPEG, PNG or WebP (as its content shows)' },
  article_image_too_large: { 'zh-CN': '图片不能超过 {mb} MB', 'en-US': 'An image may not exceed {mb} MB' },
} as const satisfies Record<string, Message>;

export const PUBLICITY_WORDS = {
  article: { 'zh-CN': '稿件', 'en-US': 'Article' },
  article_image: { 'zh-CN': '图片', 'en-US': 'Image' },
  article_status_draft: { 'zh-CN': '草稿', 'en-US': 'a draft' },
  article_status_review: { 'zh-CN': '待审核', 'en-US': 'in review' },
  article_status_published: { 'zh-CN': '已发布', 'en-US': 'published' },
  article_status_withdrawn: { 'zh-CN': '已撤回', 'en-US': 'withdrawn' },
  article_action_submit: { 'zh-CN': '提交审核', 'en-US': 'submitted' },
  article_action_approve: { 'zh-CN': '审核发布', 'en-US': 'published' },
  article_action_return: { 'zh-CN': '退回', 'en-US': 'returned' },
  article_action_withdraw: { 'zh-CN': '撤回', 'en-US': 'withdrawn' },
  article_action_revise: { 'zh-CN': '转为草稿', 'en-US': 'taken back as a draft' },
} as const satisfies Record<string, Message>;
