import type { ComponentPropsWithRef } from 'react';

interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  pending?: boolean;
}

/** A button that shows a spinner and ignores clicks while its action runs. */
export function Button({
  variant = 'primary',
  pending = false,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`button button-${variant}`}
      disabled={pending || rest.disabled}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
