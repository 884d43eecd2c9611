import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { Button } from './Button.tsx';

interface State {
  hasError: boolean;
}

/** Catches a crashed page (or a chunk that failed to load offline) and offers a reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { hasError: false };

  static getDerivedStateFromError(): State {
    return { hasError: true };
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="page page-narrow stack">
            <h1>{t('common.error_title')}</h1>
            <p>{t('common.error_body')}</p>
            <div>
              <Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>
            </div>
          </div>
        )}
      </Translation>
    );
  }
}
