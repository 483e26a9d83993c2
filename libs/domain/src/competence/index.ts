export * from './handler-roles';
export * from './competent-handlers';
export * from './escalation';
export * from './legal-grounds';
export * from './denunciation-screening';
export * from './letter-handling';
