import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS } from '../../../common/audit-events.ts';
import en from '../../../common/i18n/en.json';
import { projectFile } from '../../lib/project-files.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every action code the server hands to recordAudit, literal or in a conditional. */
function writtenCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sources(fileURLToPath(projectFile('server/modules')))) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/recordAudit\([^;]*?\baction:\s*([^,\n]+)/g)) {
      for (const literal of (call[1] ?? '').matchAll(/'([a-z_]+\.[a-z_]+)'/g)) codes.add(literal[1] ?? '');
    }
  }
  return codes;
}

describe('audit event codes', () => {
  it('lists every code the server writes, and each has a sentence in the catalogue', () => {
    const written = writtenCodes();
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((code) => !(AUDIT_EVENTS as readonly string[]).includes(code))).toEqual([]);
    const events = (en as { audit: { events: Record<string, Record<string, string>> } }).audit.events;
    for (const code of AUDIT_EVENTS) {
      const [entity = '', act = ''] = code.split('.');
      expect(events[entity]?.[act], code).toMatch(/\{(actor|subject)\}/);
    }
  });
});
