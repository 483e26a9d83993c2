import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const script = join(root, 'apps/cli/src/deadline.ts');

function run(...args: string[]) {
  const result = spawnSync(tsx, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('deadline CLI', () => {
  jest.setTimeout(60_000);

  it('prints the due date of golden case P02 with its explanation in Vietnamese', () => {
    const { status, stdout, stderr } = run('--rule', 'KN-03', '--start', '2026-01-16');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Hạn: 2026-02-23\n/);
    expect(stdout).toContain('Luật Khiếu nại 2011, Điều 28');
    expect(stdout).toContain('Tết Âm lịch (mùng 1 Tết Bính Ngọ)');
    expect(stdout).toContain('Bộ luật Dân sự 2015, Điều 148 khoản 5');
  });

  it('prints JSON with --json, applying suspensions and extensions', () => {
    const { status, stdout } = run('--rule', 'TC-04', '--start', '2026-03-02', '--extensions', '1', '--suspension', '2026-03-10:2026-03-20', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ruleId: 'TC-04', due: '2026-05-11', provisional: false });
  });

  it('exits with 2 and a clear message for an impossible date', () => {
    const { status, stdout, stderr } = run('--rule', 'KN-03', '--start', '2026-02-30');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('start: day 30 does not exist in 2026-02');
    expect(stderr).toContain('Lỗi: start:');
  });

  it('exits with 2 for a malformed suspension and for an unknown option', () => {
    expect(run('--rule', 'TC-04', '--start', '2026-03-02', '--suspension', '2026-03-10').status).toBe(2);
    const unknown = run('--rule', 'TC-04', '--start', '2026-03-02', '--nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('usage');
  });
});
