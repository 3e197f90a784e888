import { expose } from 'comlink';
import { createApi } from './api';

expose(createApi());
