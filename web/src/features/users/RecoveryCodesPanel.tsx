import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';

interface RecoveryCodesPanelProps {
  codes: string[];
  onDone: () => void;
}

/** The recovery codes, shown this once: copy them, download them as a text file, then close. */
export function RecoveryCodesPanel({ codes, onDone }: RecoveryCodesPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const text = `${codes.join('\n')}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'mentornet-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="stack recovery-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('account.two_factor.codes_title')}</h3>
      <Alert tone="info">{t('account.two_factor.codes_intro')}</Alert>
      <ol className="recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('account.two_factor.copy')}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t('account.two_factor.download')}
        </Button>
        <Button onClick={onDone}>{t('account.two_factor.codes_done')}</Button>
      </div>
      {copied === 'yes' && <Alert tone="success">{t('account.two_factor.copied')}</Alert>}
      {copied === 'failed' && <Alert tone="error">{t('account.two_factor.copy_failed')}</Alert>}
    </section>
  );
}
