export * from './case-code-allocator';
export * from './case-projection';
export * from './clock-projection';
export * from './case-clock-rows';
export * from './create-case';
export * from './resolution-stop-sql';
