package org.medclaims.operations;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every job, whoever wrote it, records its owner (host and pid) when an execution begins. */
@Configuration(proxyBeanMethods = false)
class OwnerRecording {

	// static, and the owners looked up late: a post-processor must not pull the data source in early
	@Bean
	static BeanPostProcessor ownerRecordingPostProcessor(ObjectProvider<ExecutionOwners> owners) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractJob job) {
					job.registerJobExecutionListener(new OwnerListener(owners));
				}
				return bean;
			}
		};
	}

	/** Writes the owner row at beforeJob, in the execution's first moments. */
	record OwnerListener(ObjectProvider<ExecutionOwners> owners) implements JobExecutionListener {

		@Override
		public void beforeJob(JobExecution jobExecution) {
			this.owners.getObject().recordCurrent(jobExecution.getId());
		}

	}

}
