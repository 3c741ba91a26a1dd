# ruff: noqa: RUF012
from django.db import migrations, models


class Migration(migrations.Migration):
    """Message bodies are stored sealed: the plain subject, text and original go."""

    dependencies = [("cases", "0001_initial")]

    operations = [
        migrations.RemoveField(model_name="messagebody", name="subject"),
        migrations.RemoveField(model_name="messagebody", name="text"),
        migrations.RemoveField(model_name="messagebody", name="original"),
        migrations.AddField(
            model_name="messagebody",
            name="sealed",
            field=models.BinaryField(default=b""),
            preserve_default=False,
        ),
    ]
