package gov.rizhao.skills.http;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/** Every request body is read through {@link Utf8CheckingStream}. */
@Provider
public class Utf8Only implements ReaderInterceptor {
  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new Utf8CheckingStream(context.getInputStream()));
    return context.proceed();
  }
}
