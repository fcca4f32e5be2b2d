package org.medclaims.operations;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A JobOperator whose launches run on their own thread: the web answers at once with the
 * new execution's id. Not a bean of type JobOperator, so the synchronous one stays the
 * only candidate.
 */
@Component
class BackgroundJobOperator {

	private final ApplicationContext context;

	private final JobRepository jobRepository;

	private final JobRegistry jobRegistry;

	private final PlatformTransactionManager transactionManager;

	private final ObjectProvider<ObservationRegistry> observations;

	private volatile JobOperator operator;

	BackgroundJobOperator(ApplicationContext context, JobRepository jobRepository, JobRegistry jobRegistry,
			PlatformTransactionManager transactionManager, ObjectProvider<ObservationRegistry> observations) {
		this.context = context;
		this.jobRepository = jobRepository;
		this.jobRegistry = jobRegistry;
		this.transactionManager = transactionManager;
		this.observations = observations;
	}

	// built on first use, once the registry holds every Job bean
	JobOperator get() {
		if (this.operator == null) {
			synchronized (this) {
				if (this.operator == null) {
					this.operator = build();
				}
			}
		}
		return this.operator;
	}

	private JobOperator build() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("job-");
		JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
		factory.setApplicationContext(this.context);
		factory.setJobRegistry(this.jobRegistry);
		factory.setJobRepository(this.jobRepository);
		factory.setTransactionManager(this.transactionManager);
		factory.setTaskExecutor(executor);
		this.observations.ifAvailable(factory::setObservationRegistry);
		try {
			factory.afterPropertiesSet();
			return factory.getObject();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot build the background job operator", ex);
		}
	}

}
