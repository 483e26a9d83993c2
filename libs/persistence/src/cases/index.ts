export * from './case-code-allocator';
export * from './case-projection';
