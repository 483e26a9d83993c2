// Periodic reports (Thông tư 01/2024/TT-TTCP): facts from PostgreSQL, figures from libs/domain,
// the official tables as XLSX and CSV, kept with checksums. Shared by the api (on demand) and the
// worker (Temporal Schedules).
export * from './periodic-report';
export * from './report-document';
export * from './report-csv';
export * from './report-facts';
export * from './report-workbook';
export * from './zip-timestamps';
