import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths the console never shadows: the api, its docs and the health check keep their own answers (404s included). */
const NOT_CONSOLE = /^\/(api|docs|health)(\/|$)/;

/** WEB_CONSOLE_DIR, default `apps/web/dist` under the working directory (npm start and the tests run from the repository root). */
export function webConsoleDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.WEB_CONSOLE_DIR ?? 'apps/web/dist');
}

/**
 * The built web console (apps/web, `npm run build:web`) at `/`: its files through express.static
 * (hashed assets cached for good, index.html never), and the SPA fallback — any other GET outside
 * /api, /docs and /health answers index.html and the browser's router takes over. Plain Express
 * middleware rather than @nestjs/serve-static 5, whose error handler turns every error on an
 * excluded path (a 413 from the body limit, say) into a 404 (nestjs/serve-static#1729).
 * Not built: the api runs without it (logged).
 */
export function serveWebConsole(app: NestExpressApplication, dir: string = webConsoleDir()): void {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebConsole').warn(`no web console at ${dir} (npm run build:web): the api serves /api, /docs and /health only`);
    return;
  }
  const isAsset = (filePath: string) => filePath.includes(`${path.sep}assets${path.sep}`);
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res: Response, filePath: string) => res.setHeader('Cache-Control', isAsset(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_CONSOLE.test(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
