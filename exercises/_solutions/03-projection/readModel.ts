export * from '../../03-projection/readModel';
