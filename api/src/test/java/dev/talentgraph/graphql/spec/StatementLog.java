package dev.talentgraph.graphql.spec;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransaction;
import org.neo4j.driver.async.AsyncTransactionCallback;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The statements the application sends to Neo4j, recorded at the driver: the one door every path of
 * the API goes through (the GraphQL engine's {@code CypherGateway}, and the services that open
 * sessions of their own). The application's {@link Driver} bean is wrapped in a recording proxy for
 * the tests; while no recording is open the wrapper only forwards.
 *
 * <p>Left out, because they do not depend on the GraphQL document: authentication (token and user
 * look-ups), the audit log's writes, whose writer thread flushes whenever its queue has events
 * (reading the audit log, the {@code auditLog} query, is recorded), and the model registry's check
 * for newly active versions, which runs on a timer and lands in whichever case is recording.
 */
public final class StatementLog {
  /** One statement as sent: its text and its parameters (plain Java values). */
  public record Statement(String cypher, Map<String, Object> parameters) {}

  private static final Set<Class<?>> WRAPPED =
      Set.of(
          Session.class,
          AsyncSession.class,
          Transaction.class,
          AsyncTransaction.class,
          TransactionContext.class,
          AsyncTransactionContext.class);
  private static final Set<String> NOT_RECORDED =
      Set.of(
          "dev.talentgraph.security.ApiTokens",
          "dev.talentgraph.security.LocalUsers",
          "dev.talentgraph.scoring.ActiveModels");
  private static volatile List<Statement> recording;

  private StatementLog() {}

  /** Starts recording (one recording at a time: the spec cases run one after another). */
  public static synchronized void start() {
    recording = Collections.synchronizedList(new ArrayList<>());
  }

  /** Stops recording and returns what was sent since {@link #start}, in the order it was sent. */
  public static synchronized List<Statement> stop() {
    List<Statement> out = recording == null ? List.of() : List.copyOf(recording);
    recording = null;
    return out;
  }

  private static void record(Object[] args) {
    List<Statement> into = recording;
    if (into == null || args == null || args.length == 0) return;
    if (Thread.currentThread().getName().startsWith("audit-writer") || fromExcludedCaller()) return;
    String text;
    Object params = args.length > 1 ? args[1] : null;
    if (args[0] instanceof Query q) {
      text = q.text();
      params = q.parameters();
    } else if (args[0] instanceof String s) {
      text = s;
    } else {
      return;
    }
    into.add(new Statement(text, parameters(params)));
  }

  private static boolean fromExcludedCaller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .map(StackWalker.StackFrame::getClassName)
                    .filter(
                        c ->
                            c.startsWith("dev.talentgraph.")
                                && !c.startsWith(StatementLog.class.getName()))
                    .findFirst()
                    .map(c -> NOT_RECORDED.stream().anyMatch(c::startsWith))
                    .orElse(false));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parameters(Object params) {
    if (params == null) return Map.of();
    if (params instanceof Map<?, ?> m) return (Map<String, Object>) m;
    if (params instanceof Value v) return v.isNull() ? Map.of() : v.asMap(StatementLog::plain);
    if (params instanceof Record r) return r.asMap(StatementLog::plain);
    return Map.of("?", String.valueOf(params));
  }

  private static Object plain(Value v) {
    return v.asObject();
  }

  /** The driver, recording. */
  public static Driver wrap(Driver driver) {
    return (Driver) proxy(driver, Driver.class);
  }

  private static Object proxy(Object target, Class<?> type) {
    InvocationHandler handler = (self, method, args) -> invoke(target, method, args);
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if ((name.equals("run") || name.equals("runAsync")) && !(target instanceof Driver))
      record(args);
    if (args != null) {
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        if (a instanceof TransactionCallback cb) {
          args[i] =
              (TransactionCallback<Object>)
                  tx -> cb.execute((TransactionContext) proxy(tx, TransactionContext.class));
        } else if (a instanceof AsyncTransactionCallback cb) {
          args[i] =
              (AsyncTransactionCallback<Object>)
                  tx ->
                      cb.execute(
                          (AsyncTransactionContext) proxy(tx, AsyncTransactionContext.class));
        } else if (a instanceof Consumer c
            && method.getParameterTypes()[i] == Consumer.class
            && name.endsWith("WithoutResult")) {
          args[i] =
              (Consumer<TransactionContext>) tx -> c.accept(proxy(tx, TransactionContext.class));
        }
      }
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result == null) return null;
    Class<?> type = method.getReturnType();
    if (name.equals("session") && args != null && args.length > 0 && args[0] instanceof Class<?> c)
      type = c;
    return WRAPPED.contains(type) ? proxy(result, type) : result;
  }

  /**
   * Wraps the application's driver bean; imported by the GraphQL integration tests' shared context.
   */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Recording {
    @Bean
    static BeanPostProcessor recordingDriver() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          return bean instanceof Driver d && !Proxy.isProxyClass(d.getClass()) ? wrap(d) : bean;
        }
      };
    }
  }
}
