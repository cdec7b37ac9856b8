import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question: focus starts on the safe answer (cancel), Tab stays inside, Escape cancels. While busy (both
 * buttons disabled) the dialog itself holds the focus, which a disabled button would drop to the page. The caller puts
 * the focus back where it was when the dialog closes.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy = false,
  onConfirm,
  onCancel,
}: Props) {
  const titleId = useId();
  const bodyId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    cancel.current?.focus();
  }, []);
  useEffect(() => {
    if (busy) dialog.current?.focus();
  }, [busy]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!busy) onCancel();
    } else if (event.key === 'Tab') {
      // two buttons: Tab and Shift+Tab go from one to the other
      event.preventDefault();
      if (busy) dialog.current?.focus();
      else (document.activeElement === cancel.current ? confirm : cancel).current?.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onClick={busy ? undefined : onCancel}>
      <div
        ref={dialog}
        className="dialog card"
        role="alertdialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId}>{children}</div>
        <div className="actions">
          <button ref={cancel} type="button" className="btn btn-ghost" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
          <button ref={confirm} type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
