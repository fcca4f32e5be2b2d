package org.medclaims;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.sql.DataSource;

/**
 * Wraps a DataSource so that every prepared statement the application executes is first
 * explained (EXPLAIN, not run twice: the plan PostgreSQL chooses with the same
 * parameters, on the same connection and in the same transaction) and its plan recorded.
 */
public final class PlanRecorder {

	/** One statement as executed, with its plan. */
	public record Plan(String sql, String plan) {
	}

	private final List<Plan> plans = new CopyOnWriteArrayList<>();

	private final Predicate<String> worthExplaining;

	private volatile boolean recording;

	public PlanRecorder(Predicate<String> worthExplaining) {
		this.worthExplaining = worthExplaining;
	}

	public void start() {
		this.plans.clear();
		this.recording = true;
	}

	public List<Plan> stop() {
		this.recording = false;
		return List.copyOf(this.plans);
	}

	public DataSource wrap(DataSource dataSource) {
		return proxy(DataSource.class, dataSource, (method, args, result) -> (result instanceof Connection connection)
				? proxy(Connection.class, connection, (m, a, r) -> {
					if (r instanceof PreparedStatement statement && m.getName().equals("prepareStatement")
							&& a[0] instanceof String sql) {
						return proxy(PreparedStatement.class, statement, new Explaining(connection, sql));
					}
					if (r instanceof Statement statement && m.getName().equals("createStatement")) {
						return proxy(Statement.class, statement, new ExplainingPlain(connection));
					}
					return r;
				}) : result);
	}

	/** A statement without parameters: its SQL comes with each execute. */
	private final class ExplainingPlain implements After {

		private final Connection connection;

		ExplainingPlain(Connection connection) {
			this.connection = connection;
		}

		@Override
		public Object before(Method method, Object[] args) throws Exception {
			if (PlanRecorder.this.recording && method.getName().startsWith("execute") && args != null
					&& args.length >= 1 && args[0] instanceof String sql
					&& sql.strip().matches("(?is)(SELECT|INSERT|UPDATE|DELETE|WITH)\\b.*")
					&& PlanRecorder.this.worthExplaining.test(sql)) {
				new Explaining(this.connection, sql).explain();
			}
			return null;
		}

		@Override
		public Object after(Method method, Object[] args, Object result) {
			return result;
		}

	}

	/** Records the parameters set, and explains before executing. */
	private final class Explaining implements After {

		private final Connection connection;

		private final String sql;

		private final Map<Integer, Object[]> parameters = new TreeMap<>();

		Explaining(Connection connection, String sql) {
			this.connection = connection;
			this.sql = sql;
		}

		@Override
		public Object before(Method method, Object[] args) throws Exception {
			String name = method.getName();
			if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
				this.parameters.put(index, new Object[] { method, args });
			}
			if (PlanRecorder.this.recording && name.startsWith("execute") && (args == null || args.length == 0)
					&& PlanRecorder.this.worthExplaining.test(this.sql)) {
				explain();
			}
			return null;
		}

		private void explain() throws Exception {
			try (PreparedStatement explain = this.connection.prepareStatement("EXPLAIN " + this.sql)) {
				for (Object[] call : this.parameters.values()) {
					((Method) call[0]).invoke(explain, (Object[]) call[1]);
				}
				StringBuilder plan = new StringBuilder();
				try (ResultSet rs = explain.executeQuery()) {
					while (rs.next()) {
						plan.append(rs.getString(1)).append('\n');
					}
				}
				PlanRecorder.this.plans.add(new Plan(this.sql, plan.toString()));
			}
		}

		@Override
		public Object after(Method method, Object[] args, Object result) {
			return result;
		}

	}

	private interface After {

		default Object before(Method method, Object[] args) throws Exception {
			return null;
		}

		Object after(Method method, Object[] args, Object result) throws Exception;

	}

	@FunctionalInterface
	private interface Then extends After {

		Object then(Method method, Object[] args, Object result) throws Exception;

		@Override
		default Object after(Method method, Object[] args, Object result) throws Exception {
			return then(method, args, result);
		}

	}

	private static <T> T proxy(Class<T> type, T target, Then then) {
		return proxy(type, target, (After) then);
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, After after) {
		InvocationHandler handler = (proxy, method, args) -> {
			after.before(method, args);
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
				return result;
			}
			return after.after(method, args, result);
		};
		return (T) Proxy.newProxyInstance(PlanRecorder.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	static List<String> lines(String text) {
		return new ArrayList<>(List.of(text.split("\n")));
	}

}
