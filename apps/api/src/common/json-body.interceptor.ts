import {
  Injectable,
  SetMetadata,
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

const ACCEPTS_MULTIPART = 'capacites:accepts-multipart';

/** Marks a handler whose own interceptor reads multipart bodies (a file upload). */
export const AcceptsMultipart = () => SetMetadata(ACCEPTS_MULTIPART, true);

/**
 * A body that no parser read (the API parses JSON only) would reach the handler as an empty
 * body and fail validation with a misleading message, or worse pass as an empty change:
 * answer 415 instead. An interceptor rather than a middleware, so that it runs after every
 * body parser whatever their order. Multipart bodies are left only to the handlers marked
 * @AcceptsMultipart() (their own interceptor, which runs after this one, parses them).
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<IncomingMessage & { body?: unknown }>();
      const multipart = request.headers['content-type']?.toLowerCase().startsWith('multipart/') ?? false;
      const uploads = multipart && Reflect.getMetadata(ACCEPTS_MULTIPART, context.getHandler()) === true;
      if (request.body === undefined && !uploads && carriesBody(request)) {
        throw new UnsupportedMediaTypeException(UNSUPPORTED_BODY_MESSAGE);
      }
    }
    return next.handle();
  }
}
