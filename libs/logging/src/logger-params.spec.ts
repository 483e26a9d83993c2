import { loggerParams } from './logger-params';

describe('request logging', () => {
  const params = loggerParams('api', { LOG_LEVEL: 'info' });
  const pinoHttp = params.pinoHttp as { serializers: { req: (req: object) => object }; redact: { paths: string[] } };

  it('logs only id, method and url of a request, never its body or headers', () => {
    const logged = pinoHttp.serializers.req({
      id: 'r-1',
      method: 'POST',
      url: '/api/v1/cases',
      body: { complainant: { fullName: 'Nguyễn Văn A' } },
      headers: { authorization: 'Bearer secret' },
    });
    expect(logged).toEqual({ id: 'r-1', method: 'POST', url: '/api/v1/cases' });
  });

  it('redacts credentials wherever headers are logged', () => {
    expect(pinoHttp.redact.paths).toEqual(expect.arrayContaining(['req.headers.authorization', 'req.headers.cookie']));
  });
});

describe('logged URLs', () => {
  it('drop the query string, where a misplaced secret could hide', () => {
    const pinoHttp = loggerParams('api', {}).pinoHttp as { serializers: { req: (req: object) => { url: string } } };
    expect(pinoHttp.serializers.req({ id: 'r', method: 'GET', url: '/api/v1/track/X?secret=ABCD' }).url).toBe('/api/v1/track/X');
  });
});
