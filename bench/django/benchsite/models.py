from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)

    class Meta:
        app_label = 'benchsite'
        db_table = 'book'
