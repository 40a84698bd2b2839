/**
 * The protocol pieces of the flat-manager test server: its HS256 JWT tokens (flat-manager's
 * claims), its JSON errors, and the multipart bodies of uploads.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Claims {
  sub: string;
  scope: string[];
  prefixes: string[];
  repos: string[];
  exp: number;
  name?: string;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function signJwt(claims: Claims, secret: Buffer): string {
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(createHmac('sha256', secret).update(`${head}.${body}`).digest())}`;
}

export function verifyJwt(token: string, secret: Buffer): Claims | undefined {
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return undefined;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
    return claims.exp > Date.now() / 1000 ? claims : undefined;
  } catch {
    return undefined;
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const invalidToken = () => new ApiError(401, 'invalid-token', 'Invalid token');
export const insufficient = (why: string) =>
  new ApiError(401, 'token-insufficient', `Not enough permissions: ${why})`);
export const badRequest = (message: string) => new ApiError(400, 'generic-error', message);

/** `org.foo` matches org.foo and org.foo.bar, not org.foobar; '' matches everything. */
export const idMatchesPrefix = (id: string, prefix: string) =>
  prefix === '' || id === prefix || id.startsWith(`${prefix}.`);

/** The file parts of a multipart/form-data body: filename -> bytes. */
export function parseMultipart(body: Buffer, contentType: string): { filename?: string; data: Buffer }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw badRequest('No multipart boundary');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: { filename?: string; data: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw badRequest('Truncated multipart body');
    const part = body.subarray(start + 2, next - 2); // drop the CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    parts.push({ filename, data: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}
