// What clients and workers share with the workflows (types, update/query definitions, search attributes).
export * from './case/case-contract';
export * from './search-attributes';
export { caseWorkflow } from './case/case.workflow';
