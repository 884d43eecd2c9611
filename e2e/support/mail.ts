import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

/** Waits for a mail to `to` in the dev outbox whose text contains `linkPath`, and returns that link. */
export async function waitForMailLink(dataDir: string, to: string, linkPath: string): Promise<string> {
  const outbox = path.join(dataDir, 'outbox');
  const deadline = Date.now() + 20_000;
  const pattern = new RegExp(`https?://[^\\s"'<>]+${linkPath.replace(/[?]/g, '\\?')}[^\\s"'<>]+`);
  while (Date.now() < deadline) {
    if (existsSync(outbox)) {
      const files = readdirSync(outbox)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => path.join(outbox, f))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
      for (const file of files) {
        const mail = await simpleParser(readFileSync(file));
        const recipients = [mail.to]
          .flat()
          .flatMap((a) => a?.value ?? [])
          .map((a) => a.address?.toLowerCase());
        if (!recipients.includes(to.toLowerCase())) continue;
        const link = mail.text?.match(pattern)?.[0];
        if (link) return link;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} with a ${linkPath} link in ${outbox}`);
}
