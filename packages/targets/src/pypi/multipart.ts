/**
 * multipart/form-data (RFC 7578) for PyPI's upload API: text fields as UTF-8, the file as
 * `content` with its name, exactly the shape twine sends through requests-toolbelt.
 */
import { randomBytes } from 'node:crypto';

export interface MultipartFile {
  field: string;
  filename: string;
  data: Buffer;
  contentType?: string;
}

/** Quote a header parameter value: backslash-escape `"` and `\`, no line breaks. */
const quote = (value: string) => `"${value.replace(/[\r\n]/g, ' ').replace(/(["\\])/g, '\\$1')}"`;

export function buildMultipart(
  fields: [string, string][],
  file: MultipartFile,
): { body: Buffer; contentType: string } {
  const boundary = `----deploy-actions-${randomBytes(16).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quote(name)}\r\n\r\n`, 'utf8'),
    );
    chunks.push(Buffer.from(value, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name=${quote(file.field)}; filename=${quote(file.filename)}\r\n` +
        `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      'utf8',
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
