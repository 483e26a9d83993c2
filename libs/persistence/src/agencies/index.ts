export * from './agency-tree-store';
