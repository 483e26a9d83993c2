export * from './screening-candidates';
export * from './case-screenings';
