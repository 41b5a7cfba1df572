import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, entryHash, type ChainedFields } from './audit.chain';

function chain(n: number) {
  const rows: Array<ChainedFields & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const fields: ChainedFields = {
      seq, at: `2026-01-0${seq}T00:00:00.000Z`, actor_user_id: 1, actor_name: 'admin', unit_id: 7, entity: 'org_unit',
      entity_id: String(seq), action: 'rename', before_json: '{"name":"A"}', after_json: '{"name":"B"}', ip: null, prev_hash: prev,
    };
    prev = entryHash(fields);
    rows.push({ ...fields, hash: prev });
  }
  return rows;
}

function verify(rows: Array<ChainedFields & { hash: string }>, head = { seq: rows.length, hash: rows.at(-1)?.hash ?? GENESIS_HASH }) {
  const v = new ChainVerifier();
  for (const row of rows) if (!v.accept(row)) break;
  v.finish(head);
  return v;
}

describe('audit hash chain', () => {
  it('accepts an intact chain stored with its hashes', () => {
    const rows = chain(4);
    const v = verify(rows);
    expect(v.problem).toBeNull();
    expect(v.headHash).toBe(rows[3].hash);
  });

  it('names an edited entry', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2], after_json: '{"name":"C"}' };
    expect(verify(rows).problem).toMatchObject({ seq: 3 });
  });

  it('names a deleted entry in the middle and at the end', () => {
    const rows = chain(4);
    expect(verify([rows[0], rows[2], rows[3]], { seq: 4, hash: rows[3].hash }).problem?.reason).toMatch(/entry 2 is missing/);
    expect(verify(rows.slice(0, 3), { seq: 4, hash: rows[3].hash }).problem?.seq).toBe(4);
  });

  it('names reordered entries', () => {
    const rows = chain(4);
    const swapped = [rows[0], { ...rows[2], seq: 2 }, { ...rows[1], seq: 3 }, rows[3]];
    expect(verify(swapped).problem).toMatchObject({ seq: 2 });
  });
});
