export * from './screening-types';
export * from './respondent-agency';
export * from './screen-intake';
