package org.medclaims.system;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.partition.PartitionStep;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring Batch rides out a database outage: every call of the job repository made outside
 * a transaction is retried on a transient fault ({@link DatabaseRetry}), and every step
 * that works (not a partitioned one) resumes from its last commit, in the same execution,
 * after such a fault ({@link ResumingStep}). A call inside a transaction is not retried
 * there: its transaction is lost, and the step around it resumes. A partition a stopping
 * worker hands back is recorded as such ({@link StepHandBacks}).
 */
@Configuration(proxyBeanMethods = false)
class RetryingBatchInfrastructure {

	private static final String HOST = hostName();

	@Bean
	static BeanPostProcessor retryingJobRepositoryAndSteps(ObjectProvider<DatabaseRetry> retry,
			ObjectProvider<JobRepository> jobRepository) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JobRepository repository) {
					return retrying(repository, retry.getObject());
				}
				if (bean instanceof Step step && !(bean instanceof PartitionStep) && !(bean instanceof ResumingStep)) {
					return new ResumingStep(step, jobRepository::getObject, retry.getObject());
				}
				return bean;
			}
		};
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "localhost";
		}
	}

	private static JobRepository retrying(JobRepository repository, DatabaseRetry retry) {
		ProxyFactory proxy = new ProxyFactory(repository);
		proxy.addInterface(JobRepository.class);
		proxy.addAdvice((MethodInterceptor) invocation -> {
			if (invocation.getMethod().getName().equals("update") && invocation.getArguments().length == 1
					&& invocation.getArguments()[0] instanceof StepExecution step) {
				StepHandBacks.beforeUpdate(step, ProcessHandle.current().pid() + "@" + HOST);
			}
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				return invocation.proceed();
			}
			boolean[] failed = { false };
			try {
				return retry.execute("the job repository was updated", () -> {
					try {
						return invocation.proceed();
					}
					catch (OptimisticLockingFailureException ex) {
						if (!failed[0] || !invocation.getMethod().getName().equals("update")) {
							throw ex;
						}
						return switch (LostAnswers.reconcile(repository, invocation.getArguments()[0])) {
							case SAVED -> null;
							case NOT_SAVED -> invocation.proceed();
							case CHANGED_ELSEWHERE -> throw ex;
						};
					}
					catch (Throwable ex) {
						failed[0] = true;
						throw ex;
					}
				});
			}
			catch (RetryException ex) {
				throw retry.failure("the job repository was updated", ex.getLastException());
			}
		});
		return (JobRepository) proxy.getProxy(RetryingBatchInfrastructure.class.getClassLoader());
	}

}
