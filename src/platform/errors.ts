/** Errors a user can be told about; anything else is a 500 with no internals shown. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'The page or record you asked for does not exist. Check the address, or search again.') {
    super(404, 'Page not found', message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'You do not have access to this record. If you need it for your work, ask your team manager.') {
    super(403, 'You do not have access', message);
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string) {
    super(400, 'There is a problem with the request', message);
  }
}

/** Someone else saved the record after this person opened it. */
export class ConflictError extends HttpError {
  constructor(message = 'Someone else changed this record after you opened it. Reload it, check their changes and try again.') {
    super(409, 'The record has changed', message);
  }
}
