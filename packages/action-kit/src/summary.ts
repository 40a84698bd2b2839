/**
 * Job summary markdown (GitHub-flavoured), every piece of data escaped: a registry's answer,
 * a note or a target name shows as text, never as an image, a link, a heading, raw HTML or a
 * broken table.
 */

/** Markdown we wrote ourselves (a link): passed through a table as it is. */
import { redact } from './secrets.js';

export class Markdown {
  constructor(readonly markdown: string) {}
  toString(): string {
    return this.markdown;
  }
}

/**
 * A table cell: one line, and every character that could start markdown or HTML escaped
 * (`[`/`]` links and images, `<` HTML and autolinks, `` ` `` code, `~`, `|` the table). Dots and
 * dashes are left alone: versions and URLs stay readable in the raw file. A `Markdown` value
 * (a link we made) is passed as it is.
 */
export function escapeCell(value: unknown): string {
  if (value instanceof Markdown) return value.markdown;
  return redact(String(value ?? ''))
    .replace(/[\x00-\x1f\x7f\u2028\u2029]+/g, ' ')
    .replace(/[\\`|[\]~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}

/** Data as a line of text (a note, a reason): a cell's escaping, and no heading either. */
export function escapeMarkdown(value: unknown): string {
  return escapeCell(value).replace(/^(\s*)#/, '$1\\#');
}

export function markdownTable(headers: string[], rows: unknown[][]): string {
  const head = `| ${headers.map(escapeCell).join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}

/** A markdown link whose text and target are both escaped; plain text when there is no URL. */
export function link(text: string, url: string | undefined): Markdown | string {
  if (!url || !/^https?:\/\//i.test(url)) return text;
  // Only what would end or break the link is escaped; the URL is already encoded.
  const target = url.replace(/[()\s<>\\[\]`|"']/g, (c) =>
    encodeURIComponent(c) !== c ? encodeURIComponent(c) : `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return new Markdown(`[${escapeMarkdown(text)}](${target})`);
}

/** HTML we write ourselves (a collapsible section); any other tag is shown as text. */
const OWN_TAGS = /<(?!\/?(?:details|summary)>|br\s*\/?>)/gi;

/**
 * The last line of defence for a whole summary, applied where it is written: raw HTML other
 * than our own tags becomes text and no image is ever embedded (we never write one).
 */
export function sanitizeSummary(markdown: string): string {
  return markdown.replace(OWN_TAGS, '&lt;').replace(/!\[/g, '!\\[');
}
