import { useEffect, useRef, type ReactNode } from 'react';
import { App, Button, Flex, Tooltip } from 'antd';
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, PictureOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { uploadArticleImage } from '../../api/articles.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';

/**
 * A small rich-text editor: a contentEditable with a toolbar of the formatting the server keeps
 * (bold, italic, 小标题, lists, quote, links, images uploaded to the server). Whatever is pasted, the
 * server sanitises the HTML to its allow-list on save; this editor only offers what survives it.
 */
export function RichTextEditor({ initial, onChange }: { initial: string; onChange: (html: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const box = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Set once: React does not own the editable content (re-rendering it would move the caret).
    if (box.current) box.current.innerHTML = initial;
  }, [initial]);
  const changed = () => onChange(box.current?.innerHTML ?? '');
  const exec = (command: string, value?: string) => {
    box.current?.focus();
    document.execCommand(command, false, value);
    changed();
  };
  const link = () => {
    const href = window.prompt(t('editor.linkPrompt'), 'https://');
    if (href && /^(https?:|mailto:|\/)/i.test(href.trim())) exec('createLink', href.trim());
  };
  const image = async (f: File | undefined) => {
    if (!f) return;
    try {
      const { src } = await uploadArticleImage(f);
      exec('insertHTML', `<img src="${src}" alt="">`);
    } catch (e) {
      void message.error(t('editor.imageFailed', { reason: errorMessage(e) }));
    } finally {
      if (file.current) file.current.value = '';
    }
  };
  const tool = (label: string, icon: ReactNode, onClick: () => void, testId?: string) => (
    <Tooltip title={label}>
      <Button size="small" type="text" icon={icon} aria-label={label} onMouseDown={(e) => e.preventDefault()} onClick={onClick} data-testid={testId} />
    </Tooltip>
  );
  return (
    <div className="rich-editor" style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Flex gap={2} wrap style={{ padding: 4, borderBottom: '1px solid #f0f0f0', background: '#fafafa' }} role="toolbar">
        {tool(t('editor.bold'), <BoldOutlined />, () => exec('bold'))}
        {tool(t('editor.italic'), <ItalicOutlined />, () => exec('italic'))}
        <Button size="small" type="text" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', 'h2')}>
          {t('editor.heading')}
        </Button>
        <Button size="small" type="text" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', 'p')}>
          {t('editor.paragraph')}
        </Button>
        {tool(t('editor.bullets'), <UnorderedListOutlined />, () => exec('insertUnorderedList'))}
        {tool(t('editor.numbers'), <OrderedListOutlined />, () => exec('insertOrderedList'))}
        <Button size="small" type="text" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', 'blockquote')}>
          {t('editor.quote')}
        </Button>
        {tool(t('editor.link'), <LinkOutlined />, link)}
        {tool(t('editor.image'), <PictureOutlined />, () => file.current?.click(), 'editor-image')}
        <input ref={file} type="file" accept="image/png,image/jpeg,image/webp" style={{ display: 'none' }} onChange={(e) => void image(e.target.files?.[0])} />
      </Flex>
      <div
        ref={box}
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={t('article.content')}
        onInput={changed}
        onBlur={changed}
        data-testid="article-editor"
        className="article-body"
        style={{ minHeight: 320, padding: '8px 16px', outline: 'none', lineHeight: 1.8 }}
      />
    </div>
  );
}
