// Captchas as the court sites issue them: a 5-digit PNG (inline base64) and a `captchaid` nonce.
// A correct pair is accepted by every court of the issuing court's region for a while.
import { deflateSync } from 'node:zlib';
import { Rng, hashSeed } from './prng.js';

const FONT: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small grayscale PNG showing the digits (readable by a person, with a little noise). */
export function captchaPng(digits: string, rng: Rng): Buffer {
  const scale = 4;
  const width = digits.length * 16 + 8;
  const height = 30;
  const pixels = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) pixels[y * (width + 1)] = 0; // filter byte: none
  const set = (x: number, y: number, v: number) => {
    if (x >= 0 && x < width && y >= 0 && y < height) pixels[y * (width + 1) + 1 + x] = v;
  };
  [...digits].forEach((d, i) => {
    const x0 = 6 + i * 16;
    const y0 = 3 + rng.int(0, 6);
    FONT[d]!.forEach((line, gy) => {
      for (let gx = 0; gx < 3; gx++) {
        if (line[gx] !== '1') continue;
        for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) set(x0 + gx * scale + dx, y0 + gy * scale + dy, 0x20);
      }
    });
  });
  for (let i = 0; i < 60; i++) set(rng.int(0, width - 1), rng.int(0, height - 1), rng.int(0x60, 0xc0));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface IssuedCaptcha {
  id: string;
  answer: string;
  region: string;
  court: string;
  issuedAt: number;
  pngBase64: string;
}

export class CaptchaBook {
  private readonly byId = new Map<string, IssuedCaptcha>();
  private readonly latest = new Map<string, IssuedCaptcha>();
  private counter = 0;

  constructor(
    private readonly seed: number,
    readonly ttlMs: number,
  ) {}

  issue(court: string, region: string, now = Date.now()): IssuedCaptcha {
    const rng = new Rng(hashSeed(this.seed, court, 'captcha', String(++this.counter)));
    const answer = String(rng.int(0, 99_999)).padStart(5, '0');
    let id = '';
    for (let i = 0; i < 26; i++) id += 'abcdefghijklmnopqrstuvwxyz0123456789'[rng.int(0, 35)];
    const issued: IssuedCaptcha = { id, answer, region, court, issuedAt: now, pngBase64: captchaPng(answer, rng).toString('base64') };
    this.byId.set(id, issued);
    this.latest.set(court, issued);
    return issued;
  }

  /** The captcha a court showed last (issuing one if it has shown none). */
  current(court: string, region: string): IssuedCaptcha {
    return this.latest.get(court) ?? this.issue(court, region);
  }

  /** What a person reading the image of captcha `id` would type; undefined for an id never issued. */
  answerFor(id: string): string | undefined {
    return this.byId.get(id)?.answer;
  }

  /** A pair is good for any court of the region it was issued in, until it expires. */
  accepts(region: string, answer: string | undefined, id: string | undefined, now = Date.now()): boolean {
    if (!answer || !id) return false;
    const issued = this.byId.get(id);
    return !!issued && issued.answer === answer.trim() && issued.region === region && now - issued.issuedAt <= this.ttlMs;
  }
}
