/** Job summary tables in GitHub-flavoured markdown, every cell escaped. */

export function escapeCell(value: unknown): string {
  return String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/\r?\n/g, ' ');
}

export function markdownTable(headers: string[], rows: unknown[][]): string {
  const head = `| ${headers.map(escapeCell).join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}

/** A markdown link whose text and target are both escaped; plain text when there is no URL. */
export function link(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//.test(url)) return text;
  // Only what would end or break the link is escaped; the URL is already encoded.
  return `[${text.replace(/[[\]]/g, '')}](${url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c))})`;
}
