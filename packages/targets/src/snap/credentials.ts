/**
 * SNAPCRAFT_STORE_CREDENTIALS as `snapcraft export-login` writes it (craft-store): base64 of
 * `{"t": "u1-macaroon", "v": {"r": <root macaroon>, "d": <discharge macaroon>}}`. The store wants
 * `Authorization: Macaroon root=<r>, discharge=<d bound to r>`; binding replaces the discharge's
 * signature by HMAC-SHA256(0^32, HMAC(0^32, root sig) || HMAC(0^32, discharge sig)), as
 * libmacaroons / pymacaroons `prepare_for_request` do. Macaroons are the v1 binary format
 * (packets of `LLLLkey value\n`, base64url).
 */
import { createHmac } from 'node:crypto';
import { InputError } from '@deploy-actions/action-kit/errors';
import { addSecret } from '@deploy-actions/action-kit/secrets';

const HINT =
  'Set SNAPCRAFT_STORE_CREDENTIALS to what `snapcraft export-login --snaps=<snap> --acls=package_access,package_push,package_update,package_release -` prints.';

interface Packet {
  key: string;
  value: Buffer;
}

function decodeMacaroon(text: string): Packet[] {
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const packets: Packet[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = parseInt(bytes.subarray(at, at + 4).toString('latin1'), 16);
    if (!Number.isFinite(size) || size < 6 || at + size > bytes.length) throw new Error('bad packet');
    const body = bytes.subarray(at + 4, at + size - 1);
    const space = body.indexOf(0x20);
    if (space < 0 || bytes[at + size - 1] !== 0x0a) throw new Error('bad packet');
    packets.push({ key: body.subarray(0, space).toString('latin1'), value: body.subarray(space + 1) });
    at += size;
  }
  if (!packets.some((p) => p.key === 'signature' && p.value.length === 32)) throw new Error('no signature');
  return packets;
}

function encodeMacaroon(packets: Packet[]): string {
  const parts = packets.map((p) => {
    const body = Buffer.concat([Buffer.from(`${p.key} `, 'latin1'), p.value, Buffer.from('\n')]);
    return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, '0'), 'latin1'), body]);
  });
  return Buffer.concat(parts).toString('base64url');
}

const signature = (packets: Packet[]) => packets.find((p) => p.key === 'signature')!.value;

/** The discharge's signature bound to the root's (libmacaroons' macaroon_prepare_for_request). */
export function bindSignature(root: Buffer, discharge: Buffer): Buffer {
  const zero = Buffer.alloc(32);
  const h = (data: Buffer) => createHmac('sha256', zero).update(data).digest();
  return createHmac('sha256', zero)
    .update(Buffer.concat([h(root), h(discharge)]))
    .digest();
}

/** The Authorization header for the store, from the exported credentials; a clear error otherwise. */
export function storeAuthorization(raw: string | undefined, input = 'SNAPCRAFT_STORE_CREDENTIALS'): string {
  if (!raw) throw InputError.missing(input, HINT);
  let parsed: unknown;
  try {
    const trimmed = raw.trim();
    parsed = JSON.parse(trimmed.startsWith('{') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8'));
  } catch {
    throw new InputError(input, 'is not the base64 JSON that snapcraft export-login writes', HINT);
  }
  const v = (parsed as { t?: unknown; v?: { r?: unknown; d?: unknown } } | null)?.v;
  const type = (parsed as { t?: unknown } | null)?.t;
  if (type !== 'u1-macaroon' || typeof v?.r !== 'string' || typeof v?.d !== 'string')
    throw new InputError(
      input,
      type === 'macaroon' || type === 'candid'
        ? 'holds a Candid (private store) login; the Snap Store takes Ubuntu One (u1-macaroon) credentials'
        : 'has no Ubuntu One macaroons (t: u1-macaroon, v: {r, d})',
      HINT,
    );
  addSecret(v.r);
  addSecret(v.d);
  let root: Packet[];
  let discharge: Packet[];
  try {
    root = decodeMacaroon(v.r);
    discharge = decodeMacaroon(v.d);
  } catch {
    throw new InputError(input, 'holds macaroons that cannot be read', HINT);
  }
  const bound = discharge.map((p) =>
    p.key === 'signature' ? { key: p.key, value: bindSignature(signature(root), p.value) } : p,
  );
  const boundText = encodeMacaroon(bound);
  addSecret(boundText);
  const header = `Macaroon root=${v.r}, discharge=${boundText}`;
  addSecret(header);
  return header;
}

/** For tests and the store server: a macaroon in the v1 format. */
export const macaroonV1 = { decode: decodeMacaroon, encode: encodeMacaroon };
