import { describeError } from './describe-error';

describe('describeError (an outbox row’s last_error)', () => {
  it('gives the code, the SMTP reply code and the message', () => {
    expect(describeError(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }))).toBe('ETIMEDOUT: Greeting never received');
    expect(describeError(Object.assign(new Error('Mailbox unavailable'), { code: 'EENVELOPE', responseCode: 550 }))).toBe('EENVELOPE: 550: Mailbox unavailable');
  });

  it('names the network error under a fetch failure, also from another realm', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(describeError(new TypeError('fetch failed', { cause }))).toBe('ECONNREFUSED: fetch failed');
    // Not an instance of this realm's Error (Node's fetch under Jest): read by shape.
    expect(describeError({ name: 'TypeError', message: 'fetch failed', cause })).toBe('ECONNREFUSED: fetch failed');
  });

  it('keeps it short and says something for anything thrown', () => {
    expect(describeError(new Error('x'.repeat(2000)))).toHaveLength(500);
    expect(describeError('plain')).toBe('plain');
  });
});
