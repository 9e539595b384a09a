import type { FastifyPluginAsync } from 'fastify';
import type { Health } from '../../contract/health.schemas.js';

export const healthRoutes: FastifyPluginAsync<{ version: string }> = async (app, options) => {
  app.get('/api/health', async (): Promise<Health> => ({ status: 'ok', version: options.version }));
};
