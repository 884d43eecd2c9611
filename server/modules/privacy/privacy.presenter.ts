import type { PrivacyCheckResult } from '../../../common/contracts/privacy.ts';
import { type Finding, PLACEHOLDERS } from '../../../common/privacy/index.ts';

/** Findings as the API answers them, each with the placeholder that would replace it. */
export function presentPrivacyCheck(findings: readonly Finding[]): PrivacyCheckResult {
  return {
    findings: findings.map((f) => ({
      kind: f.kind,
      start: f.start,
      end: f.end,
      text: f.text,
      placeholder: PLACEHOLDERS[f.kind],
    })),
  };
}
