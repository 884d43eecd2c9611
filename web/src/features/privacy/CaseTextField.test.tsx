import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../../../common/privacy/index.ts';
import { CaseTextField, PrivacyConfirmation } from './CaseTextField.tsx';
import { PrivacyFindings } from './PrivacyFindings.tsx';
import { renderTranslated as render } from '../../test-support/render.tsx';
import { findingContext, needsPrivacyConfirmation, relocateFinding } from './privacy-check.ts';

const noop = () => {};

const TEXT = 'My mentee Amina (born 14/03/1996) has an appointment at the Jobcenter next week.';

describe('PrivacyFindings', () => {
  it('lists every finding as text, marked in its context, explained, with a replace button', () => {
    const findings = detectPersonalData(TEXT);
    const html = render(
      <PrivacyFindings
        text={TEXT}
        findings={findings}
        checking={false}
        onReplace={noop}
        onReplaceAll={noop}
      />,
    );
    expect(html).toContain('2 details could identify your mentee.');
    expect(html).toContain('role="status"');
    expect(html).toContain('<mark>Amina</mark>');
    expect(html).toContain('<mark>14/03/1996</mark>');
    expect(html).toContain('<strong>Name</strong>');
    expect(html).toContain('<strong>Date</strong>');
    expect(html).toContain('A name makes your mentee recognisable to anyone who knows them.');
    expect(html).toContain('>Replace “\u2068Amina\u2069” with [name]</button>');
    expect(html).toContain('>Replace all</button>');
    // User text keeps its own direction inside a right-to-left page.
    expect(html).toContain('class="privacy-finding-context" dir="auto"');
  });

  it('says when the text is clean, and says nothing for an empty text', () => {
    const clean = render(
      <PrivacyFindings
        text="She has an appointment."
        findings={[]}
        checking={false}
        onReplace={noop}
        onReplaceAll={noop}
      />,
    );
    expect(clean).toContain('No personal data found.');
    expect(clean).not.toContain('<ul>');
    const empty = render(
      <PrivacyFindings text="" findings={[]} checking onReplace={noop} onReplaceAll={noop} />,
    );
    expect(empty).not.toContain('Checking');
  });

  it('speaks Arabic in an Arabic page', () => {
    const text = 'المتدربة اسمها سلمى ورقم هاتفها +49 152 3456 7890';
    const html = render(
      <PrivacyFindings
        text={text}
        findings={detectPersonalData(text)}
        checking={false}
        onReplace={noop}
        onReplaceAll={noop}
      />,
      'ar',
    );
    expect(html).toContain('تفصيلان قد يكشفان هوية الشخص الذي ترافقه.');
    expect(html).toContain('<mark>سلمى</mark>');
    expect(html).toContain('استبدال «\u2068سلمى\u2069» بـ [name]');
  });
});

describe('CaseTextField', () => {
  it('is a labelled text field in the text’s own direction, described by the check’s status', () => {
    const html = render(
      <CaseTextField name="body" label="Describe the situation" value="" onChange={noop} />,
    );
    expect(html).toMatch(/<label for="([^"]+)">Describe the situation<\/label>/);
    expect(html).toContain('dir="auto"');
    const statusId = html.match(/<p id="([^"]+)" class="privacy-status"/)?.[1];
    expect(statusId).toBeTruthy();
    expect(html).toContain(`aria-describedby="${statusId}"`);
  });

  it('offers the explicit confirmation as a labelled checkbox', () => {
    const html = render(<PrivacyConfirmation checked={false} onChange={noop} />);
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('I have checked the text');
  });
});

describe('the helpers of the privacy check', () => {
  it('tells whether a text still needs the confirmation', async () => {
    expect(await needsPrivacyConfirmation(TEXT)).toBe(true);
    expect(await needsPrivacyConfirmation('My mentee [name] (born [date]) has an appointment.')).toBe(false);
  });

  it('shows a finding with a few words around it', () => {
    const [name] = detectPersonalData(TEXT);
    expect(name && findingContext(TEXT, name, 12)).toEqual({
      before: 'My mentee ',
      match: 'Amina',
      after: ' (born…',
    });
  });

  it('finds a finding again after the text changed before it', () => {
    const [old] = detectPersonalData(TEXT);
    const changed = `Hello! ${TEXT}`;
    const moved = old && relocateFinding(detectPersonalData(changed), old);
    expect(moved && changed.slice(moved.start, moved.end)).toBe('Amina');
  });
});
