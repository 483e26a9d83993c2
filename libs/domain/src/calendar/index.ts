export * from './localized-text';
export * from './invalid-input-error';
export * from './local-date';
export * from './time-zone';
export * from './calendar-data';
export * from './statutory-holidays';
export * from './official-calendar';
export * from './default-calendar';
