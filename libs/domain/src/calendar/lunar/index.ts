export * from './vietnamese-lunar';
