import type { AstroLoggerMessage } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import quietPagesDestination from '../../src/integrations/build-log';

const page = (path: string): AstroLoggerMessage => ({ level: 'info', label: null, message: `  ├─ ${path}`, newLine: false });
const time = (ms: number): AstroLoggerMessage => ({
  level: 'info',
  label: 'SKIP_FORMAT',
  message: ` (+${ms}ms) `,
  newLine: true,
});
const info = (message: string, label: string | null = 'build'): AstroLoggerMessage => ({
  level: 'info',
  label,
  message,
  newLine: true,
});

describe('the quiet page log', () => {
  afterEach(() => vi.restoreAllMocks());

  function written(events: AstroLoggerMessage[], verbose = false): string {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    const destination = quietPagesDestination({ verbose });
    for (const event of events) destination.write(event);
    vi.restoreAllMocks();
    return out;
  }

  it('drops each page line and its time, also when pages in flight interleave them', () => {
    const events = [
      info('generating static routes', 'SKIP_FORMAT'),
      page('/a/index.html'),
      page('/b/index.html'),
      time(3),
      page('/c/index.html'),
      time(4),
      time(5),
      info('✓ Completed in 1.2s.', null),
    ];
    const out = written(events);
    expect(out).toContain('generating static routes');
    expect(out).toContain('Completed in 1.2s.');
    expect(out).not.toMatch(/├─|\(\+\d/);
  });

  it('keeps a SKIP_FORMAT message that ends no page line, and everything with BUILD_VERBOSE', () => {
    expect(written([info('Build phases', 'SKIP_FORMAT')])).toContain('Build phases');
    expect(written([page('/a/index.html'), time(3)], true)).toMatch(/├─ \/a\/index\.html \(\+3ms\)/);
  });
});
