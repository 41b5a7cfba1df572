/**
 * The article body editor (Tiptap 3, React 19): the formatting a news article needs — headings,
 * emphasis, lists, quotes, links, images uploaded to the article, tables — and nothing the
 * server's sanitizer would drop. It emits HTML; the server sanitizes it again on save.
 */
import {
  BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, PictureOutlined, RedoOutlined, StrikethroughOutlined,
  TableOutlined, UnderlineOutlined, UndoOutlined, UnorderedListOutlined,
} from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { App, Button, Input, Modal, Space, Tooltip } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../forms/validation';
import { NEWS_NS } from './i18n';

export interface RichTextEditorProps {
  value?: string;
  onChange?: (html: string) => void;
  /** Upload a picked image for the article; resolves to its address on our storage. */
  uploadImage: (file: File) => Promise<string>;
  disabled?: boolean;
  id?: string;
  'aria-labelledby'?: string;
}

function ToolButton({ label, active, onClick, icon, children, disabled }: { label: string; active?: boolean; onClick(): void; icon?: ReactNode; children?: ReactNode; disabled?: boolean }) {
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        type={active ? 'primary' : 'text'}
        icon={icon}
        // The accessible name starts with what the button shows ("H2"), then says what it does.
        aria-label={typeof children === 'string' ? `${children} – ${label}` : label}
        aria-pressed={active === undefined ? undefined : active}
        disabled={disabled}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {children}
      </Button>
    </Tooltip>
  );
}

function Toolbar({ editor, onImage, onLink, disabled }: { editor: Editor; onImage(): void; onLink(): void; disabled?: boolean }) {
  const { t } = useTranslation(NEWS_NS);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }), h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'), italic: e.isActive('italic'), underline: e.isActive('underline'), strike: e.isActive('strike'),
      bulletList: e.isActive('bulletList'), orderedList: e.isActive('orderedList'), blockquote: e.isActive('blockquote'),
      link: e.isActive('link'), canUndo: e.can().undo(), canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="news-editor-toolbar">
      <Space size={2} wrap>
        <ToolButton label={t('toolbar.h2')} active={state.h2} disabled={disabled} onClick={() => chain().toggleHeading({ level: 2 }).run()}>H2</ToolButton>
        <ToolButton label={t('toolbar.h3')} active={state.h3} disabled={disabled} onClick={() => chain().toggleHeading({ level: 3 }).run()}>H3</ToolButton>
        <ToolButton label={t('toolbar.bold')} active={state.bold} disabled={disabled} icon={<BoldOutlined />} onClick={() => chain().toggleBold().run()} />
        <ToolButton label={t('toolbar.italic')} active={state.italic} disabled={disabled} icon={<ItalicOutlined />} onClick={() => chain().toggleItalic().run()} />
        <ToolButton label={t('toolbar.underline')} active={state.underline} disabled={disabled} icon={<UnderlineOutlined />} onClick={() => chain().toggleUnderline().run()} />
        <ToolButton label={t('toolbar.strike')} active={state.strike} disabled={disabled} icon={<StrikethroughOutlined />} onClick={() => chain().toggleStrike().run()} />
        <ToolButton label={t('toolbar.bulletList')} active={state.bulletList} disabled={disabled} icon={<UnorderedListOutlined />} onClick={() => chain().toggleBulletList().run()} />
        <ToolButton label={t('toolbar.orderedList')} active={state.orderedList} disabled={disabled} icon={<OrderedListOutlined />} onClick={() => chain().toggleOrderedList().run()} />
        <ToolButton label={t('toolbar.blockquote')} active={state.blockquote} disabled={disabled} onClick={() => chain().toggleBlockquote().run()}>“ ”</ToolButton>
        <ToolButton label={t('toolbar.link')} active={state.link} disabled={disabled} icon={<LinkOutlined />} onClick={onLink} />
        <ToolButton label={t('toolbar.image')} disabled={disabled} icon={<PictureOutlined />} onClick={onImage} />
        <ToolButton label={t('toolbar.table')} disabled={disabled} icon={<TableOutlined />} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()} />
        <ToolButton label={t('toolbar.undo')} disabled={disabled || !state.canUndo} icon={<UndoOutlined />} onClick={() => chain().undo().run()} />
        <ToolButton label={t('toolbar.redo')} disabled={disabled || !state.canRedo} icon={<RedoOutlined />} onClick={() => chain().redo().run()} />
      </Space>
    </div>
  );
}

export function RichTextEditor({ value = '', onChange, uploadImage, disabled, id, ...aria }: RichTextEditorProps) {
  const { t } = useTranslation(NEWS_NS);
  const { message } = App.useApp();
  const fileInput = useRef<HTMLInputElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkHref, setLinkHref] = useState('');
  const [pendingImage, setPendingImage] = useState<string | null>(null);
  const [imageAlt, setImageAlt] = useState('');
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto', 'tel'], defaultProtocol: 'https' },
      }),
      Image.configure({ inline: false, allowBase64: false }),
      TableKit.configure({ table: { resizable: false } }),
    ],
    content: value,
    editable: !disabled,
    editorProps: { attributes: { class: 'news-editor-content', role: 'textbox', 'aria-multiline': 'true', ...(id ? { id } : {}), ...(aria['aria-labelledby'] ? { 'aria-labelledby': aria['aria-labelledby'] } : {}) } },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });

  // The form (or a save that came back sanitized) may replace the value from outside.
  useEffect(() => {
    if (!editor) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (value !== current) editor.commands.setContent(value || '', { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  if (!editor) return null;

  const pickImage = async (file: File | undefined) => {
    if (!file) return;
    const hide = message.loading(t('toolbar.uploading'), 0);
    try {
      setImageAlt('');
      setPendingImage(await uploadImage(file));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      hide();
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const insertImage = () => {
    if (pendingImage) editor.chain().focus().setImage({ src: pendingImage, alt: imageAlt.trim() }).run();
    setPendingImage(null);
  };

  const openLink = () => {
    setLinkHref((editor.getAttributes('link').href as string | undefined) ?? '');
    setLinkOpen(true);
  };
  const applyLink = () => {
    const href = linkHref.trim();
    if (href) editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    else editor.chain().focus().extendMarkRange('link').unsetLink().run();
    setLinkOpen(false);
  };

  return (
    <div className="news-editor" data-testid="rich-text-editor">
      <Toolbar editor={editor} onImage={() => fileInput.current?.click()} onLink={openLink} disabled={disabled} />
      <EditorContent editor={editor} />
      <input ref={fileInput} type="file" accept="image/jpeg,image/png,image/webp,image/gif" style={{ display: 'none' }} onChange={(e) => void pickImage(e.target.files?.[0])} data-testid="body-image-input" />
      <Modal open={pendingImage !== null} title={t('toolbar.image')} onOk={insertImage} onCancel={() => setPendingImage(null)} destroyOnHidden>
        {pendingImage && <img src={pendingImage} alt="" className="news-cover-preview" />}
        <Input
          autoFocus
          aria-label={t('toolbar.imageAlt')}
          placeholder={t('toolbar.imageAlt')}
          value={imageAlt}
          onChange={(e) => setImageAlt(e.target.value)}
          onPressEnter={insertImage}
          data-testid="image-alt"
        />
      </Modal>
      <Modal open={linkOpen} title={t('toolbar.link')} onOk={applyLink} onCancel={() => setLinkOpen(false)} destroyOnHidden>
        <Input
          autoFocus
          aria-label={t('toolbar.linkPrompt')}
          placeholder={t('toolbar.linkPrompt')}
          value={linkHref}
          onChange={(e) => setLinkHref(e.target.value)}
          onPressEnter={applyLink}
        />
        {editor.isActive('link') && <Button type="link" danger style={{ paddingLeft: 0 }} onClick={() => { setLinkHref(''); editor.chain().focus().extendMarkRange('link').unsetLink().run(); setLinkOpen(false); }}>{t('toolbar.linkRemove')}</Button>}
      </Modal>
    </div>
  );
}
