import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

const renderDialog = (busy = false, onCancel = vi.fn(), onConfirm = vi.fn()) =>
  render(
    <ConfirmDialog
      title="기록을 지울까요?"
      confirmLabel="모두 지우기"
      cancelLabel="취소"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>되돌릴 수 없어요.</p>
    </ConfirmDialog>,
  );

describe('confirm dialog', () => {
  it('is a named, described modal that starts on the safe answer', () => {
    renderDialog();
    const dialog = screen.getByRole('alertdialog', { name: '기록을 지울까요?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('되돌릴 수 없어요.');
    expect(screen.getByRole('button', { name: '취소' })).toHaveFocus();
  });

  it('keeps Tab and Shift+Tab inside, and Escape cancels', () => {
    const onCancel = vi.fn();
    renderDialog(false, onCancel);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(screen.getByRole('button', { name: '모두 지우기' })).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(screen.getByRole('button', { name: '취소' })).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('holds the focus itself while busy, where the disabled buttons would drop it', () => {
    const onCancel = vi.fn();
    const { rerender } = renderDialog(false, onCancel);
    screen.getByRole('button', { name: '모두 지우기' }).focus();
    rerender(
      <ConfirmDialog
        title="기록을 지울까요?"
        confirmLabel="지우는 중…"
        cancelLabel="취소"
        busy
        onConfirm={vi.fn()}
        onCancel={onCancel}
      >
        <p>되돌릴 수 없어요.</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(dialog).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onCancel).not.toHaveBeenCalled();
  });
});
