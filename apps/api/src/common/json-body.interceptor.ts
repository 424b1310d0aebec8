import {
  Injectable,
  UnsupportedMediaTypeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Observable } from 'rxjs';

export const UNSUPPORTED_BODY_MESSAGE =
  'Request bodies must be JSON: send them with Content-Type: application/json.';

function carriesBody(request: IncomingMessage): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length']);
  return Number.isFinite(length) && length > 0;
}

/**
 * A body that no parser read (the API parses JSON only) would reach the handler as an empty
 * body and fail validation with a misleading message: answer 415 instead. An interceptor
 * rather than a middleware, so that it runs after every body parser whatever their order;
 * multipart bodies are left to a route's own interceptor (file uploads).
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<IncomingMessage & { body?: unknown }>();
      const multipart = request.headers['content-type']?.toLowerCase().startsWith('multipart/') ?? false;
      if (request.body === undefined && !multipart && carriesBody(request)) {
        throw new UnsupportedMediaTypeException(UNSUPPORTED_BODY_MESSAGE);
      }
    }
    return next.handle();
  }
}
