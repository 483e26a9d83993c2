// Pure domain core: no I/O, no Node built-ins, no framework. Safe to import from workflow code.
export * from './case';
