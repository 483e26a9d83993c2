import { createParamDecorator } from '@nestjs/common';

/**
 * Who performs a request, as recorded in audit events (an id, never a name). Authentication
 * arrives with the access-control issue; until then every request acts as `unauthenticated`.
 */
export const CurrentActor = createParamDecorator((): string => 'unauthenticated');
