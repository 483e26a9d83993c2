// Pure domain core: no I/O, no Node built-ins, no framework. Safe to import from workflow code.
export * from './case';
export * from './calendar';
export * from './rules';
export * from './deadlines';
export * from './competence';
export * from './access';
export * from './lifecycle';
export * from './agencies';
export * from './reports';
export * from './intake-screening';
