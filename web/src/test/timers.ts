import { act } from '@testing-library/react';
import { vi } from 'vitest';

/** Runs the fake timers `ms` on, and what their callbacks awaited, inside act. */
export const flush = (ms = 0) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
