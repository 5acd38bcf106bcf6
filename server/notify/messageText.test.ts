import { describe, expect, it } from 'vitest';
import { mailText, robotText } from './messageText.js';

const notice = { kind: 'urge', colour: 'blue', docNumber: '督催〔2026〕3号', subjectType: 'task', subjectId: '7d3c1d5e-9d3f-4f55-9a52-1f0c2b7f6a10', subjectTitle: '老旧小区供暖入户排查', replyBy: '2026-06-19' };

describe('a notice as it leaves the platform', () => {
  it('links the mail to the late item it is about, then to the notices list where it is acknowledged', () => {
    const { subject, text } = mailText({ userName: '建设街道联络员', items: [], notice }, 'https://tuijin.example.gov.cn');
    expect(subject).toBe('推进提醒：督查蓝色催办单 督催〔2026〕3号');
    const lines = text.split('\n');
    expect(lines).toContain('督办事项：https://tuijin.example.gov.cn/tasks/7d3c1d5e-9d3f-4f55-9a52-1f0c2b7f6a10');
    expect(lines.indexOf('督办事项：https://tuijin.example.gov.cn/tasks/7d3c1d5e-9d3f-4f55-9a52-1f0c2b7f6a10')).toBeLessThan(lines.indexOf('登录推进平台查看：https://tuijin.example.gov.cn/notices'));
    const ledger = mailText({ userName: '甲', items: [], notice: { ...notice, subjectType: 'ledger' } }, 'https://tuijin.example.gov.cn').text;
    expect(ledger).toContain('督办事项：https://tuijin.example.gov.cn/ledger/7d3c1d5e-9d3f-4f55-9a52-1f0c2b7f6a10');
    // Without the public address there is no link to give.
    expect(mailText({ userName: '甲', items: [], notice }, undefined).text).not.toContain('督办事项');
    expect(robotText({ userName: '甲', items: [], notice }).text).toBe('甲：\n老旧小区供暖入户排查，请于2026-06-19前反馈。');
  });
});
