import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonArrayElements } from './json-array-elements';

/** The text cut into pieces of `size` bytes (a multi-byte character may be split). */
const streamOf = (text: string, size: number) => {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
};

async function elements(text: string, size = 3) {
  const out: unknown[] = [];
  for await (const { value } of jsonArrayElements(streamOf(text, size))) out.push(value);
  return out;
}

describe('jsonArrayElements', () => {
  const values = [{ a: '[,]{"}', b: [1, { c: 'é東京\\"' }] }, 'text, with ] brackets', 12.5, null, [[]], { empty: {} }];
  const text = `\uFEFF \n[ ${values.map((v) => JSON.stringify(v)).join(' ,\n')} ]\n`;

  it.each([1, 2, 3, 7, 64, 4096])('gives every element whatever the chunk size (%i bytes)', async (size) => {
    expect(await elements(text, size)).toEqual(values);
  });

  it('reads an empty array', async () => {
    expect(await elements(' [ ] ')).toEqual([]);
  });

  it.each([
    ['', /the file is empty/],
    ['{"a":1}', /must start with '\['/],
    ['[{"a":1},', /ends inside element 1/],
    ['[{"a":1}', /ends inside element 0/],
    ['[{"a":1},]', /element 1 is empty/],
    ['[{"a":1}] x', /text after the closing bracket/],
    ['[{"a":}]', /element 0 is not valid JSON/],
    ['[1}]', /unexpected '}' in element 0/],
  ])('refuses %j', async (bad, message) => {
    await expect(elements(bad)).rejects.toThrow(message);
  });
});
